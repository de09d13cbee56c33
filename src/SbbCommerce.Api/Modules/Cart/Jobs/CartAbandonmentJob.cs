using SbbCommerce.Api.Common.Money;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Jobs;

/// <summary>
/// Active carts with lines and no change for Cart:AbandonAfter become <c>abandoned</c> (with a cart.abandoned
/// event); a user cart whose owner agreed to marketing gets one recovery message (outbox, internal_email).
/// Active carts past expires_at become <c>expired</c>. Bounded batches, FOR UPDATE SKIP LOCKED: two hosts running
/// it at once never take the same cart.
/// </summary>
internal sealed class CartAbandonmentJob(
    SbbDbContext db,
    ICustomerDirectory customers,
    IOutboxWriter outbox,
    IEventRecorder events,
    IOptions<CartOptions> options,
    TimeProvider timeProvider,
    ILogger<CartAbandonmentJob> logger)
{
    public const string RecoveryTemplate = "cart.recovery";

    /// <summary>Returns how many carts were abandoned and expired.</summary>
    public async Task<(int Abandoned, int Expired)> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var abandoned = 0;
        var recoveryEmails = 0;
        int batch;
        do
        {
            (batch, var queued) = await AbandonBatchAsync(cancellationToken);
            abandoned += batch;
            recoveryEmails += queued;
        }
        while (batch == options.Value.AbandonmentBatchSize);

        var expired = 0;
        do
        {
            batch = await ExpireBatchAsync(cancellationToken);
            expired += batch;
        }
        while (batch == options.Value.AbandonmentBatchSize);
        var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        CartLog.AbandonmentRun(logger, abandoned, recoveryEmails, expired, elapsedMs);
        return (abandoned, expired);
    }

    /// <summary>Returns how many carts this batch abandoned and how many recovery emails it queued.</summary>
    private async Task<(int Abandoned, int RecoveryEmails)> AbandonBatchAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = timeProvider.GetDatabaseNow();
        var cutoff = now - options.Value.AbandonAfter;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var carts = await db.Set<ShoppingCart>().FromSqlInterpolated($"""
                SELECT c.*, c.xmin FROM carts c
                 WHERE c.status = 'active' AND c.updated_at <= {cutoff}
                   AND EXISTS (SELECT 1 FROM cart_items i WHERE i.cart_id = c.id)
                 ORDER BY c.updated_at
                 LIMIT {options.Value.AbandonmentBatchSize}
                 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        var owners = carts.Where(c => c.UserId is not null).Select(c => c.UserId!.Value).Distinct().ToList();
        var contacts = owners.Count == 0
            ? new Dictionary<Guid, CustomerContact>()
            : (await customers.GetContactsAsync(owners, cancellationToken)).ToDictionary(c => c.UserId);
        var recoveryEmails = 0;
        foreach (var cart in carts)
        {
            cart.Status = CartStatus.Abandoned;
            events.Record(new ServerEvent("cart.abandoned")
            {
                UserId = cart.UserId,
                AnonymousId = cart.AnonymousId,
                CartId = cart.Id,
                Properties = new { cart.TotalCents, LastChangeAt = cart.UpdatedAt },
            });
            if (cart.UserId is { } userId && cart.RecoveryEmailQueuedAt is null
                && contacts.TryGetValue(userId, out var contact) && contact.MarketingConsent)
            {
                outbox.Enqueue(OutboxDestinations.InternalEmail, RecoveryTemplate,
                    new { To = contact.Email, contact.FirstName, CartId = cart.Id, cart.TotalCents, Currency = Currency.Usd }, "cart", cart.Id);
                cart.RecoveryEmailQueuedAt = now;
                recoveryEmails++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (carts.Count, recoveryEmails);
    }

    private async Task<int> ExpireBatchAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE carts SET status = 'expired', updated_at = {now}
             WHERE id IN (SELECT id FROM carts WHERE status = 'active' AND expires_at <= {now}
                          ORDER BY expires_at LIMIT {options.Value.AbandonmentBatchSize} FOR UPDATE SKIP LOCKED)
            """, cancellationToken);
    }
}
