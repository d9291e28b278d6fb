import { Feed } from 'feed';
import type { CatalogueItem } from './schemas/proposal';
import { label } from './taxonomy';

// An Atom feed of the published scenarios, per industry, so a platform's CRM can follow new ones.
// Entries are the catalogue's public view: no owner, credit code or contact.
export function catalogueAtom(items: readonly CatalogueItem[], o: { base: string; industry?: string; updated: string }): string {
  const self = `${o.base}/v1/public/scenarios.atom${o.industry ? `?industry=${encodeURIComponent(o.industry)}` : ''}`;
  const feed = new Feed({
    id: self,
    title: `工赋青岛 · 工业赋能场景${o.industry ? ` · ${label('industry', o.industry)}` : ''}`,
    link: `${o.base}/scenarios`,
    language: 'zh-CN',
    updated: new Date(items[0]?.publishedAt ?? o.updated),
    feedLinks: { atom: self },
    author: { name: '青岛市工业和信息化局' },
    generator: false,
  });
  for (const x of items) {
    feed.addItem({
      id: `urn:gongfu-qingdao:scenario:${x.id}`,
      title: x.title,
      link: `${o.base}/scenarios#${x.id}`,
      date: new Date(x.publishedAt ?? o.updated),
      description: `${x.enterprise} · ${x.region}${x.budgetWan !== undefined ? ` · 预算 ${x.budgetWan} 万元` : ''}${x.deadline ? ` · 截止 ${x.deadline}` : ''}：${x.description}`,
      category: [{ term: x.industry, name: label('industry', x.industry) }, ...x.domains.map((d) => ({ term: d, name: label('domain', d) }))],
    });
  }
  return feed.atom1();
}
