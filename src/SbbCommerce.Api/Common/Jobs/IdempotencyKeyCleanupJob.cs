using SbbCommerce.Api.Common.Idempotency;

namespace SbbCommerce.Api.Common.Jobs;

/// <summary>Deletes idempotency keys past their 24 hours, in bounded batches.</summary>
internal sealed class IdempotencyKeyCleanupJob(IdempotencyStore store)
{
    private const int BatchSize = 5_000;

    public Task<int> RunAsync(CancellationToken cancellationToken) => store.DeleteExpiredAsync(BatchSize, cancellationToken);
}
