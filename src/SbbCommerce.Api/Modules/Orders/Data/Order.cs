using SbbCommerce.Api.Modules.Orders.Contracts;
using System.Net;

namespace SbbCommerce.Api.Modules.Orders.Data;

/// <summary>A row of <c>orders</c>.</summary>
internal sealed class Order : RowVersioned
{
    public Guid Id { get; set; }
    public required string OrderNumber { get; set; }
    public Guid UserId { get; set; }
    public required string CustomerEmail { get; set; }
    public required string CustomerName { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.PendingPayment;
    public required string ShippingAddress { get; set; }
    public required string BillingAddress { get; set; }
    public int SubtotalCents { get; set; }
    public int DiscountCents { get; set; }
    public int ShippingCents { get; set; }
    public int TaxCents { get; set; }
    public int TotalCents { get; set; }
    public int AmountPaidCents { get; set; }
    public int? AmountDueCents { get; private set; }
    public string? DiscountCode { get; set; }
    public Guid? DiscountId { get; set; }
    public string? ShippingMethod { get; set; }
    public string? ShippingCarrier { get; set; }
    public string? TrackingNumber { get; set; }
    public DateOnly? EstimatedDelivery { get; set; }
    public bool AgeVerified { get; set; }
    public bool ComplianceAcknowledged { get; set; }
    public required string ComplianceVersion { get; set; }
    public DateTimeOffset ComplianceAcknowledgedAt { get; set; }
    public IPAddress? IpAddress { get; set; }
    public Guid? SourceCartId { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? CustomerNotes { get; set; }
    public string? InternalNotes { get; set; }
    public string? ErpOrderId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Where fulfilment stands while the order is partially_refunded (see OrderStateMachine).</summary>
    public OrderStatus? FulfillmentProgress { get; set; }
}
