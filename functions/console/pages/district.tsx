import { Layout, T } from './layout';

/** A district office's page (第四条): its share of the city, then the round's first-review queue. */
export function DistrictPage() {
  return (
    <Layout script="district" title={{ zh: '区（市）初审与概况', en: 'District: first review and figures' }} path="/d/applications">
      <div class="kpis" id="district-kpis" data-testid="district-kpis"></div>
      <section class="card">
        <h2>
          <T zh="初审队列" en="First-review queue" />
        </h2>
        <p class="small muted" id="district-round"></p>
        <div id="district-queue" data-testid="district-queue"></div>
        <div id="district-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}
