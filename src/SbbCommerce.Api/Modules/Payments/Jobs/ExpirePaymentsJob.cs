using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Jobs;

/// <summary>
/// Expires pending payments past expires_at (attempt auto_expire); the order stays pending_payment and can take a
/// new payment. Payments awaiting verification never expire on their own: the customer says they paid. Bounded
/// batches, FOR UPDATE SKIP LOCKED: safe with two hosts.
/// </summary>
internal sealed class ExpirePaymentsJob(SbbDbContext db, PaymentLedger ledger, TimeProvider timeProvider, ILogger<ExpirePaymentsJob> logger)
{
    private const int BatchSize = 500;

    /// <summary>Expires what is due; returns how many payments expired.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var total = 0;
        var refused = 0;
        int batch;
        int expiredBefore;
        do
        {
            db.ChangeTracker.Clear();
            expiredBefore = total;
            var now = timeProvider.GetDatabaseNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Set<Payment>().FromSqlInterpolated($"""
                    SELECT *, xmin FROM payments WHERE status = 'pending' AND expires_at <= {now}
                     ORDER BY expires_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
            foreach (var payment in due)
            {
                if (await ledger.MoveAsync(payment, PaymentStatus.Expired, PaymentActions.AutoExpire, PaymentCaller.System,
                        new { payment.ExpiresAt }, cancellationToken))
                {
                    total++;
                }
                else
                {
                    // Only pending rows are read and pending -> expired is allowed: a refusal means the machine changed; say so.
                    refused++;
                    PaymentsLog.ExpiryRefused(logger, payment.Id, payment.Status);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch = due.Count;
        }
        while (batch == BatchSize && total > expiredBefore); // a full batch all refused would come back as it is: stop
        var elapsed = timeProvider.GetElapsedTime(started);
        PaymentsLog.ExpiryRun(logger, total, refused, elapsed.TotalMilliseconds);
        return total;
    }
}
