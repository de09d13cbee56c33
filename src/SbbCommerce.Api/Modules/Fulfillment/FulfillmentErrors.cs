namespace SbbCommerce.Api.Modules.Fulfillment;

/// <summary>The Fulfillment codes of API.md (plus the few it leaves to us, noted).</summary>
internal static class FulfillmentErrors
{
    public const string OrderNotFound = "order_not_found";
    public const string OrderNotPaid = "order_not_paid";
    public const string FulfillmentExceedsOrder = "fulfillment_exceeds_order";
    public const string BatchUnavailable = "batch_unavailable";
    public const string InsufficientStock = "insufficient_stock";
    public const string InvalidTransition = "invalid_transition";
    public const string BatchNotFound = "batch_not_found";
    public const string BatchAlreadyRecalled = "batch_already_recalled";
    public const string FulfillmentNotFound = "fulfillment_not_found"; // not in API.md: unknown fulfilment id
    public const string OrderItemNotFound = "order_item_not_found"; // not in API.md: an item that is not a line of the order
    public const string ProviderNotConfigured = "provider_not_configured";
    public const string ProviderRejected = "provider_rejected"; // not in API.md: Shippo refused the shipment or the label (422)
    public const string ProviderUnavailable = "provider_unavailable"; // not in API.md: Shippo failed even after retries (502)
    public const string RateUnavailable = "rate_unavailable"; // not in API.md: the rateId is not among the shipment's rates
    public const string ReturnExceedsShipment = "return_exceeds_shipment"; // not in API.md: more units back than shipped and not yet returned
}
