namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>Order facts for reports (the Events module's attribution and product analytics).</summary>
public interface IOrderAnalytics
{
    /// <summary>Orders created in [<paramref name="start"/>, <paramref name="until"/>), cancelled ones excluded, with their lines.</summary>
    Task<IReadOnlyList<OrderFact>> OrdersCreatedAsync(DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>One order as reports see it.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="UserId">Its customer.</param>
/// <param name="UtmSource">The order's own attribution (the last touch), captured at checkout.</param>
/// <param name="UtmMedium">utm_medium.</param>
/// <param name="UtmCampaign">utm_campaign.</param>
/// <param name="TotalCents">Order total.</param>
/// <param name="Paid">The money arrived (the order was fully paid at some point).</param>
/// <param name="Lines">Its lines.</param>
public sealed record OrderFact(
    Guid OrderId, Guid UserId, string? UtmSource, string? UtmMedium, string? UtmCampaign, int TotalCents, bool Paid,
    IReadOnlyList<OrderLineFact> Lines);

/// <summary>One line of an <see cref="OrderFact"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="ProductName">Its name at the time of the order.</param>
/// <param name="Quantity">Units.</param>
/// <param name="SubtotalCents">Units times unit price.</param>
public sealed record OrderLineFact(Guid ProductId, string ProductName, int Quantity, int SubtotalCents);
