namespace SbbCommerce.Api.Modules.Integration.Contracts;

/// <summary>
/// The messages Epicor Propello hears about, as modules write them to the outbox (destination
/// <c>epicor_propello</c>). The adapter sends each one as it is, in snake_case, so a field added here reaches the ERP.
/// Messages about one order (sales order, payment, shipment, credit memo) carry the order as their outbox entity, so
/// they reach the ERP in the order they were written.
/// </summary>
public static class ErpEventTypes
{
    public const string CustomerUpsert = "customer.upsert";
    public const string ItemUpsert = "item.upsert";
    public const string SalesOrderCreated = "sales_order.created";
    public const string PaymentCompleted = "payment.completed";
    public const string ShipmentCreated = "shipment.created";
    public const string CreditMemoCreated = "credit_memo.created";
}

/// <summary>A customer created or changed (Customer Master), keyed by our user id.</summary>
public sealed record ErpCustomerUpsert(
    Guid CustomerId,
    string? ErpCustomerId,
    string Email,
    string? Phone,
    string Role,
    string Status,
    string? FirstName,
    string? LastName,
    string? KycStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A product created or changed (Item Master), keyed by SKU.</summary>
public sealed record ErpItemUpsert(
    Guid ProductId,
    string? ErpItemId,
    string Sku,
    string Name,
    string ProductType,
    string Status,
    int PriceCents,
    int? CompareAtCents,
    int? CostCents,
    bool TrackInventory,
    int? WeightGrams,
    bool Deleted,
    DateTimeOffset UpdatedAt);

/// <summary>A paid order (Sales Order): lines carry our order item id; the ERP may answer with its line ids.</summary>
public sealed record ErpSalesOrder(
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    string CustomerEmail,
    string Currency,
    int SubtotalCents,
    int DiscountCents,
    int ShippingCents,
    int TaxCents,
    int TotalCents,
    int AmountPaidCents,
    DateTimeOffset? PaidAt,
    ErpAddress? ShippingAddress,
    ErpAddress? BillingAddress,
    IReadOnlyList<ErpSalesOrderLine> Lines);

/// <summary>One line of a sales order.</summary>
public sealed record ErpSalesOrderLine(Guid OrderItemId, Guid ProductId, string Sku, string Name, int Quantity, int UnitPriceCents, int TotalCents);

/// <summary>A postal address snapshot.</summary>
public sealed record ErpAddress(
    string? RecipientName,
    string? Company,
    string? StreetLine1,
    string? StreetLine2,
    string? City,
    string? StateProvince,
    string? PostalCode,
    string? CountryCode,
    string? Phone);

/// <summary>Money received for an order (Cash Receipt).</summary>
public sealed record ErpPaymentCompleted(
    Guid PaymentId,
    string PaymentReference,
    Guid OrderId,
    string OrderNumber,
    Guid CustomerId,
    int AmountCents,
    string Currency,
    Guid MethodId,
    string? Method,
    DateTimeOffset VerifiedAt);

/// <summary>Units that left the warehouse (Shipment), with the lot of each line.</summary>
public sealed record ErpShipmentCreated(
    Guid FulfillmentId,
    string FulfillmentNumber,
    Guid OrderId,
    string OrderNumber,
    Guid? CustomerId,
    string? Carrier,
    string? ServiceLevel,
    string? TrackingNumber,
    string? TrackingUrl,
    DateTimeOffset? ShippedAt,
    int? ShippingCostCents,
    IReadOnlyList<ErpShipmentLine> Lines);

/// <summary>One shipped line and its batch.</summary>
public sealed record ErpShipmentLine(Guid OrderItemId, string Sku, int Quantity, string? BatchNumber);

/// <summary>Money given back (Credit Memo).</summary>
public sealed record ErpCreditMemo(
    Guid RefundId,
    string RefundReference,
    Guid PaymentId,
    string PaymentReference,
    Guid OrderId,
    string OrderNumber,
    int AmountCents,
    string Currency,
    string? Reason,
    string? RefundMethod,
    DateTimeOffset? ProcessedAt);
