namespace SbbCommerce.Api.Modules.Fulfillment.Returns;

/// <summary>Units of a shipment that came back.</summary>
/// <param name="Items">Order lines and units.</param>
/// <param name="Restock">Put them back on the shelf: on hand and their lot's remaining units rise.</param>
/// <param name="Reason">Why they came back.</param>
internal sealed record ReturnRequest(IReadOnlyList<ReturnItem> Items, bool Restock, string Reason);

/// <summary>Units of one order line.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units, at least 1.</param>
internal sealed record ReturnItem(Guid OrderItemId, int Quantity);
