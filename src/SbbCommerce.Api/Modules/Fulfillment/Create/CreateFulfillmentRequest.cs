namespace SbbCommerce.Api.Modules.Fulfillment.Create;

/// <summary>The units of an order that go into one shipment.</summary>
/// <param name="Items">At least one line; a line may appear twice with two named batches.</param>
internal sealed record CreateFulfillmentRequest(IReadOnlyList<CreateFulfillmentItem> Items);

/// <summary>Units of one order line.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units, at least 1.</param>
/// <param name="BatchId">The lot to draw from (validated like FEFO's choice); absent: first expiring, first out, split over lots when one is short.</param>
internal sealed record CreateFulfillmentItem(Guid OrderItemId, int Quantity, Guid? BatchId);
