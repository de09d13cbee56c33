using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Jobs;

/// <summary>
/// Expires pending payments past expires_at (attempt auto_expire); the order stays pending_payment and can take a
/// new payment. Payments awaiting verification never expire on their own: the customer says they paid. Bounded
/// batches, FOR UPDATE SKIP LOCKED: safe with two hosts.
/// </summary>
internal sealed class ExpirePaymentsJob(SbbDbContext db, PaymentLedger ledger, TimeProvider timeProvider)
{
    private const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int batch;
        do
        {
            db.ChangeTracker.Clear();
            var now = timeProvider.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var due = await db.Set<Payment>().FromSqlInterpolated($"""
                    SELECT *, xmin FROM payments WHERE status = 'pending' AND expires_at <= {now}
                     ORDER BY expires_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken);
            foreach (var payment in due)
            {
                await ledger.MoveAsync(payment, PaymentStatus.Expired, PaymentActions.AutoExpire, StatusActor.System,
                    new { payment.ExpiresAt }, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch = due.Count;
            total += batch;
        }
        while (batch == BatchSize);
        return total;
    }
}
