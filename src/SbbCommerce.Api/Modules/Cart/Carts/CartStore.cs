using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;

namespace SbbCommerce.Api.Modules.Cart.Carts;

/// <summary>
/// Finds an owner's active cart. Every change runs with the cart row locked (FOR UPDATE) inside the request's
/// transaction, so two concurrent changes to one cart apply one after the other and totals never lose a line.
/// </summary>
internal sealed class CartStore(SbbDbContext db, IOptions<CartOptions> options, TimeProvider timeProvider)
{
    /// <summary>The owner's active cart (not tracked) and its lines, or null when there is none.</summary>
    public async Task<(ShoppingCart Cart, List<CartItem> Items)?> ReadActiveAsync(CartOwner owner, CancellationToken cancellationToken) =>
        await ActiveOf(owner).AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } cart
            ? (cart, await ItemsOfAsync(cart.Id, cancellationToken))
            : null;

    /// <summary>The owner's active cart, locked for this transaction, or null.</summary>
    public Task<ShoppingCart?> LockActiveAsync(CartOwner owner, CancellationToken cancellationToken) =>
        (owner.UserId is { } userId
            ? db.Locking<ShoppingCart>($"user_id = {userId} AND status = 'active'")
            : db.Locking<ShoppingCart>($"anonymous_id = {owner.AnonymousId} AND user_id IS NULL AND status = 'active'"))
        .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The owner's active cart, created if there is none, locked for this transaction; Created says it is new (no
    /// lines yet). Two first adds racing for the same owner meet at the unique index: the loser's insert does nothing
    /// and it locks the winner's cart. A new cart comes back from its own INSERT (the row is this transaction's until
    /// commit, as good as locked), so a first add pays neither the lock query nor the lines read.
    /// </summary>
    public async Task<(ShoppingCart Cart, bool Created)> GetOrCreateLockedAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        var id = Guid.CreateVersion7();
        var expires = now + options.Value.Lifetime;
        var insert = owner.UserId is { } userId
            ? db.Set<ShoppingCart>().FromSqlInterpolated($"""
                INSERT INTO carts (id, user_id, status, created_at, updated_at, expires_at)
                VALUES ({id}, {userId}, 'active', {now}, {now}, {expires})
                ON CONFLICT (user_id) WHERE user_id IS NOT NULL AND status = 'active' DO NOTHING
                RETURNING *, xmin
                """)
            : db.Set<ShoppingCart>().FromSqlInterpolated($"""
                INSERT INTO carts (id, anonymous_id, status, created_at, updated_at, expires_at)
                VALUES ({id}, {owner.AnonymousId}, 'active', {now}, {now}, {expires})
                ON CONFLICT (anonymous_id) WHERE anonymous_id IS NOT NULL AND user_id IS NULL AND status = 'active' DO NOTHING
                RETURNING *, xmin
                """);

        // Not composable (an INSERT): read as is, tracked like the locked cart below.
        await foreach (var created in insert.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            return (created, true);
        }

        return (await LockActiveAsync(owner, cancellationToken)
            ?? throw new InvalidOperationException("The active cart vanished between insert and lock."), false);
    }

    public Task<List<CartItem>> ItemsOfAsync(Guid cartId, CancellationToken cancellationToken) =>
        db.Set<CartItem>().Where(i => i.CartId == cartId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);

    private IQueryable<ShoppingCart> ActiveOf(CartOwner owner) => owner.UserId is { } userId
        ? db.Set<ShoppingCart>().Where(c => c.UserId == userId && c.Status == CartStatus.Active)
        : db.Set<ShoppingCart>().Where(c => c.AnonymousId == owner.AnonymousId && c.UserId == null && c.Status == CartStatus.Active);
}
