using System.Diagnostics;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Jobs;

/// <summary>
/// Cancels orders still pending_payment after Orders:UnpaidCancelAfter that have no live payment (pending or
/// awaiting verification: a customer who says they paid is never cancelled), releasing their stock. Bounded batches
/// with FOR UPDATE SKIP LOCKED: two hosts never take the same order.
/// </summary>
internal sealed class CancelUnpaidOrdersJob(
    SbbDbContext db,
    OrderTransitions transitions,
    IPaymentsModule payments,
    IOptions<OrdersOptions> options,
    TimeProvider timeProvider,
    ILogger<CancelUnpaidOrdersJob> logger)
{
    /// <summary>Returns how many orders were cancelled.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cancelled = 0;
        var skip = new HashSet<Guid>();
        while (true)
        {
            var (batch, taken) = await RunBatchAsync(skip, cancellationToken);
            cancelled += batch;
            if (taken < options.Value.UnpaidBatchSize)
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                OrdersLog.UnpaidRun(logger, cancelled, skip.Count, elapsedMs);
                return cancelled;
            }
        }
    }

    private async Task<(int Cancelled, int Taken)> RunBatchAsync(HashSet<Guid> skip, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cutoff = timeProvider.GetUtcNow() - options.Value.UnpaidCancelAfter;
        var skipped = skip.ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var orders = await db.Set<Order>().FromSqlInterpolated($"""
                SELECT *, xmin FROM orders
                 WHERE status = 'pending_payment' AND created_at <= {cutoff} AND NOT (id = ANY({skipped}))
                 ORDER BY created_at
                 LIMIT {options.Value.UnpaidBatchSize}
                 FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
        var live = await payments.OrdersWithLivePaymentsAsync(orders.Select(o => o.Id).ToList(), cancellationToken);
        var cancelled = 0;
        foreach (var order in orders)
        {
            if (live.Contains(order.Id))
            {
                skip.Add(order.Id);
                continue;
            }

            if (await transitions.MoveAsync(order, OrderStatus.Cancelled, "unpaid", StatusActor.System, cancellationToken))
            {
                cancelled++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (cancelled, orders.Count);
    }
}
