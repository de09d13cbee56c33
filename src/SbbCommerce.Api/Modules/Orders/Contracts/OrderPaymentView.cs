namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>Customer-visible order facts that the Payments module needs to take money for an order.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human number.</param>
/// <param name="UserId">Its customer.</param>
/// <param name="CustomerEmail">Where messages go.</param>
/// <param name="Status">Its status.</param>
/// <param name="TotalCents">Order total.</param>
/// <param name="AmountPaidCents">Verified payments so far (may exceed the total: overpayment).</param>
public sealed record OrderPaymentView(
    Guid OrderId, string OrderNumber, Guid UserId, string CustomerEmail, OrderStatus Status, int TotalCents, int AmountPaidCents)
{
    /// <summary>What is still owed (never negative).</summary>
    public int AmountDueCents => Math.Max(TotalCents - AmountPaidCents, 0);

    /// <summary>Paid beyond the total, awaiting a refund.</summary>
    public int OverpaidCents => Math.Max(AmountPaidCents - TotalCents, 0);
}
