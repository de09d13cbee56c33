using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Merge;

/// <summary>
/// On login with an X-Anonymous-Id, the visitor's cart joins the user's: lines are added to the user's active cart
/// (quantities summed, capped at what is available) and the anonymous cart becomes <c>merged</c>; with no user
/// cart, the anonymous cart simply becomes the user's. Idempotent: once merged there is no anonymous cart left.
/// </summary>
internal sealed class MergeCartOnLogin(
    SbbDbContext db,
    CartStore store,
    CartPricer pricer,
    IProductCatalog catalog,
    IOptions<CartOptions> options,
    TimeProvider timeProvider,
    ILogger<MergeCartOnLogin> logger) : INotificationHandler<UserLoggedIn>
{
    public async Task HandleAsync(UserLoggedIn notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.AnonymousId is not { } anonymousId)
        {
            return;
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var anonymous = await store.LockActiveAsync(new CartOwner(null, anonymousId), cancellationToken);
        if (anonymous is null)
        {
            return;
        }

        var userOwner = new CartOwner(notification.UserId, null);
        var now = timeProvider.GetDatabaseNow();
        var target = await store.LockActiveAsync(userOwner, cancellationToken);
        if (target is null)
        {
            // Adopt. Should the user's own cart appear concurrently (another device), the unique index refuses this
            // and the handler fails: the anonymous cart stays active and the next login merges it.
            anonymous.UserId = notification.UserId;
            target = anonymous;
            CartLog.CartAdopted(logger, anonymous.Id, notification.UserId);
        }
        else
        {
            var (moved, offered) = await MoveLinesAsync(anonymous, target, now, cancellationToken);
            anonymous.Status = CartStatus.Merged;
            anonymous.UpdatedAt = now;
            CartLog.CartMerged(logger, anonymous.Id, target.Id, notification.UserId, moved, offered);
        }

        await db.SaveChangesAsync(cancellationToken);
        var items = await store.ItemsOfAsync(target.Id, cancellationToken);
        await pricer.PriceAsync(target, items, cancellationToken);
        target.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Returns how many of the visitor's lines were taken (a line of an unsold product, or none left, is dropped).</summary>
    private async Task<(int Moved, int Offered)> MoveLinesAsync(ShoppingCart from, ShoppingCart to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moved = 0;
        var incoming = await store.ItemsOfAsync(from.Id, cancellationToken);
        var existing = await store.ItemsOfAsync(to.Id, cancellationToken);
        var products = (await catalog.GetProductsAsync(incoming.Select(i => i.ProductId).ToList(), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var item in incoming)
        {
            if (!products.TryGetValue(item.ProductId, out var product) || !product.IsPurchasable)
            {
                continue;
            }

            var allowed = Math.Min(options.Value.MaxQuantityPerLine,
                product.TrackInventory ? Math.Max(product.QuantityAvailable ?? 0, 0) : int.MaxValue);
            var line = existing.SingleOrDefault(i => i.ProductId == item.ProductId);
            if (line is null)
            {
                var quantity = Math.Min(item.Quantity, allowed);
                if (quantity > 0)
                {
                    moved++;
                    db.Set<CartItem>().Add(new CartItem
                    {
                        Id = Guid.CreateVersion7(),
                        CartId = to.Id,
                        ProductId = item.ProductId,
                        Quantity = quantity,
                        UnitPriceCents = item.UnitPriceCents,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }
            }
            else
            {
                line.Quantity = Math.Max(line.Quantity, Math.Min(line.Quantity + item.Quantity, allowed));
                line.UpdatedAt = now;
                moved++;
            }
        }

        return (moved, incoming.Count);
    }
}
