import type { Hono } from 'hono';
import type { ApiEnv } from '../../api/env';
import { AccountPage, SignedInPage } from './account';
import { BureauDirectoryPage, OverviewPage, PortraitPage, RoadshowsPage } from './bureau';
import { DEV_STAGES, devTokenRoute } from './dev-token';
import { DirectoryPage } from './directory';
import { DistrictComparisonPage, DistrictLeadsPage, DistrictPage } from './district';
import { RecommendationPage, TrackingPage } from './recommendation';
import { PlatformSupportPage, SupportPage } from './support';
import { InstitutionPage } from './institution';
import { CataloguePage } from './catalogue';
import { MyDataPage } from './my-data';
import { ScenarioDetailPage, ScenariosPage } from './manufacturer';
import { IndicatorsPage, LeadsPage, ProfilePage } from './platform';
import { ExpertReviewsPage, NoticesPage } from './round';
import { BureauRoundsPage } from './round-bureau';
import { PlatformRoundPage } from './round-platform';
import { HomePage, SignInPage } from './sign-in';
import { MyRoadshowsPage, PublicRoadshowPage, RoadshowEventPage, RoadshowPrintPage } from './roadshow-events';

export function pageRoutes(app: Hono<ApiEnv>) {
  // Pages are shells: the browser fetches everything from the JSON API with the user's own token,
  // so the API stays the single place that decides who sees what.
  app.get('/', (c) => c.html(HomePage()));
  app.get('/sign-in', (c) => c.html(SignInPage({ dev: DEV_STAGES.has(c.var.deps.settings.STAGE) })));
  app.get('/directory', (c) => c.html(DirectoryPage()));
  app.get('/signed-in', (c) => c.html(SignedInPage()));
  app.get('/account', (c) => c.html(AccountPage()));
  app.get('/notices', (c) => c.html(NoticesPage()));
  app.get('/my-data', (c) => c.html(MyDataPage()));
  app.get('/e/reviews', (c) => c.html(ExpertReviewsPage()));
  app.get('/d/applications', (c) => c.html(DistrictPage()));
  app.get('/d/leads', (c) => c.html(DistrictLeadsPage()));
  // A district runs the bureau's pages for its own region (the API scopes every read and write).
  app.get('/d/platforms', (c) => c.html(BureauDirectoryPage({ path: '/d/platforms' })));
  app.get('/d/platforms/:id', (c) => c.html(PortraitPage({ id: c.req.param('id'), path: '/d/platforms' })));
  app.get('/d/roadshows', (c) => c.html(RoadshowsPage({ path: '/d/roadshows' })));
  app.get('/d/scenarios', (c) => c.html(ScenariosPage({ path: '/d/scenarios' })));
  app.get('/d/roadshows/:id', (c) => c.html(RoadshowEventPage({ path: '/d/roadshows' })));
  app.get('/scenarios', (c) => c.html(CataloguePage()));

  app.get('/m/scenarios', (c) => c.html(ScenariosPage()));
  app.get('/m/scenarios/:id', (c) => c.html(ScenarioDetailPage({ id: c.req.param('id') })));

  app.get('/p/leads', (c) => c.html(LeadsPage()));
  app.get('/p/profile', (c) => c.html(ProfilePage()));
  app.get('/p/indicators', (c) => c.html(IndicatorsPage()));
  app.get('/p/round', (c) => c.html(PlatformRoundPage()));

  app.get('/b/overview', (c) => c.html(OverviewPage()));
  app.get('/b/directory', (c) => c.html(BureauDirectoryPage()));
  app.get('/b/platforms/:id', (c) => c.html(PortraitPage({ id: c.req.param('id') })));
  app.get('/b/roadshows', (c) => c.html(RoadshowsPage()));
  app.get('/b/rounds', (c) => c.html(BureauRoundsPage()));
  app.get('/b/districts', (c) => c.html(DistrictComparisonPage()));
  // issue 25
  app.get('/b/recommendation', (c) => c.html(RecommendationPage()));
  app.get('/b/tracking', (c) => c.html(TrackingPage({ path: '/b/tracking' })));
  app.get('/b/support', (c) => c.html(SupportPage()));
  app.get('/i/diagnoses', (c) => c.html(InstitutionPage()));
  app.get('/p/tracking', (c) => c.html(TrackingPage({ path: '/p/tracking' })));
  app.get('/p/support', (c) => c.html(PlatformSupportPage()));
  // roadshow events (issue 20)
  app.get('/b/roadshows/:id', (c) => c.html(RoadshowEventPage()));
  app.get('/my/roadshows', (c) => c.html(MyRoadshowsPage()));
  app.get('/roadshows/:id', (c) => c.html(PublicRoadshowPage()));
  app.get('/roadshows/:id/print', (c) => c.html(RoadshowPrintPage()));

  devTokenRoute(app);
}
