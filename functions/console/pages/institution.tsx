import { PORTRAIT_DIMENSIONS } from '#core/portrait/portrait';
import { Layout, T } from './layout';

/** A diagnosis institution's page (第十四条): the diagnoses assigned to it and the report form. */
export function InstitutionPage() {
  return (
    <Layout script="institution" title={{ zh: '诊断任务', en: 'Diagnoses assigned to us' }} path="/i/diagnoses">
      <section class="card">
        <div id="diagnosis-list" data-testid="diagnosis-list"></div>
        <div id="diagnosis-msg" aria-live="polite"></div>
      </section>
      {/* The findings' dimensions are the portrait's, rendered here so the browser carries no schema code. */}
      <template id="dimension-options">
        {PORTRAIT_DIMENSIONS.map((d) => (
          <option value={d.key}>{`${d.label.zh} ${d.label.en}`}</option>
        ))}
      </template>
    </Layout>
  );
}
