namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>A customer's past orders, as discount rules need them (first order only, per-user limits).</summary>
public interface IOrderHistory
{
    /// <summary>Orders the user placed that were not cancelled.</summary>
    Task<int> CountPlacedOrdersAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The user's orders (not cancelled) that used this discount.</summary>
    Task<int> CountDiscountUsesAsync(Guid userId, Guid discountId, CancellationToken cancellationToken);
}
