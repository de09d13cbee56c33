using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Views;

/// <summary>A row of the customer's order list.</summary>
internal sealed record OrderSummary(Guid Id, string OrderNumber, OrderStatus Status, int TotalCents, int AmountPaidCents, int ItemCount,
    DateTimeOffset CreatedAt);
