using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Carts;

/// <summary>
/// A change to the owner's cart and the lines it holds (both tracked: change them in place, add new lines). It answers
/// Ok to keep the change, or the problem that refuses it.
/// </summary>
internal delegate Task<Results<Ok, ProblemHttpResult>> CartChange(CartOwner owner, ShoppingCart cart, List<CartItem> items);

/// <summary>
/// Runs one cart change in one transaction: lock (or create) the owner's cart, apply the change, recompute totals
/// and re-validate the discount, save. A refused change rolls everything back and returns its problem.
/// </summary>
internal sealed class CartEditor(SbbDbContext db, CartStore store, CartPricer pricer, TimeProvider timeProvider)
{
    /// <summary>Runs a change that has nothing to wait for.</summary>
    public Task<Results<Ok<CartResponse>, ProblemHttpResult>> EditAsync(CartOwner? owner, bool createIfMissing,
        Func<CartOwner, ShoppingCart, List<CartItem>, Results<Ok, ProblemHttpResult>> change, CancellationToken cancellationToken) =>
        EditAsync(owner, createIfMissing, (changeOwner, cart, items) => Task.FromResult(change(changeOwner, cart, items)), cancellationToken);

    /// <summary>Answers 400 cart_owner_required when there is no owner (no bearer user, no X-Anonymous-Id).</summary>
    public async Task<Results<Ok<CartResponse>, ProblemHttpResult>> EditAsync(
        CartOwner? owner, bool createIfMissing, CartChange change, CancellationToken cancellationToken)
    {
        if (owner is null)
        {
            return Problems.OwnerRequired();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A failed save ends the change (the transaction rolls back whole): no savepoint round trips around it.
        db.Database.AutoSavepointsEnabled = false;
        var (cart, created) = createIfMissing
            ? await store.GetOrCreateLockedAsync(owner, cancellationToken)
            : (await store.LockActiveAsync(owner, cancellationToken), false);
        if (cart is null)
        {
            return Problems.LineNotFound();
        }

        // A cart this transaction just created has no lines to read.
        var items = created ? [] : await store.ItemsOfAsync(cart.Id, cancellationToken);
        if ((await change(owner, cart, items)).Result is ProblemHttpResult problem)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return problem;
        }

        var view = await pricer.PriceAsync(cart, items, cancellationToken);
        cart.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(view);
    }
}
