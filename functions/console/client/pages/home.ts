import { page } from '../lib/page';

// The home page is static; its script only fills the header and navigation.
page(() => undefined);
