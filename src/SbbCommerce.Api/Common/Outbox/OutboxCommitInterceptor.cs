using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SbbCommerce.Api.Common.Outbox;

/// <summary>
/// Signals <see cref="OutboxSignal"/> once a change that wrote outbox rows is committed: after SaveChanges when it ran
/// in its own transaction, or after the caller's explicit transaction commits.
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && WroteOutbox(context))
        {
            signal.Notify();
        }

        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && WroteOutbox(context))
        {
            signal.Notify();
        }

        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && WroteOutbox(context))
        {
            signal.Notify();
        }

        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && WroteOutbox(context))
        {
            signal.Notify();
        }
    }

    // Rows saved earlier in this context stay tracked, so this may signal once too often; never too rarely.
    private static bool WroteOutbox(DbContext context) => context.ChangeTracker.Entries<OutboxMessage>().Any();
}
