// /orders/:id — the order page with the order's dialogue composed in. Staff of the holding
// unit, units above it and a delegated association talk as the mediator; an enterprise's
// users as the business.
import { uploadAttachment } from '@/features/dialogue/api/upload-attachment';
import { DialoguePanel } from '@/features/dialogue/components/dialogue-panel';
import { OrderPage } from '@/features/orders/routes/order-page';
import { useMe } from '@/lib/auth';

export function OrderRoute() {
  const { data: me } = useMe();
  const party = me?.org?.kind === 'enterprise' ? 'business' : 'mediator';
  return (
    <OrderPage
      dialogue={(order) => (
        <DialoguePanel orderId={order.id} myParty={party} orderState={order.state} upload={uploadAttachment} />
      )}
    />
  );
}
