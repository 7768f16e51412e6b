import { AccessibilityPage } from '../features/documents/components/accessibility-page';
import { DataInventoryPage } from '../features/documents/components/data-inventory-page';
import { PrivacyPage } from '../features/documents/components/privacy-page';
import type { DocumentRoute } from './route-areas';

/** The documents a district asks for; a chunk of their own, loaded when one is opened. */
export function DocumentRoutes({ route }: { readonly route: DocumentRoute }) {
  switch (route.name) {
    case 'privacy':
      return <PrivacyPage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'dataInventory':
      return <DataInventoryPage />;
  }
}
