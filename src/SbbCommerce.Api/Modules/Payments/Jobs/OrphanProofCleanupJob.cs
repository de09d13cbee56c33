using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.Api.Modules.Payments.Jobs;

/// <summary>
/// Deletes proof files that no payment names. A proof is written inside its submission's transaction and deleted again
/// when that transaction fails, but a host that dies between the write and the commit leaves the file behind. Only files
/// older than <see cref="StorageOptions.OrphanProofGracePeriod"/> are looked at, so an upload still in flight is never
/// taken. Safe with two hosts: each only deletes what no committed row names, and deleting a file twice is harmless.
/// </summary>
internal sealed class OrphanProofCleanupJob(
    SbbDbContext db, ProofFiles proofs, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<OrphanProofCleanupJob> logger)
{
    private const int BatchSize = 500;

    /// <summary>Deletes the orphans; returns how many files were deleted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        // Files carry the host's clock, not the database's: the cut-off is read from the same clock.
        var writtenBefore = timeProvider.GetUtcNow() - options.Value.OrphanProofGracePeriod;
        var checkedFiles = 0;
        var deleted = 0;
        foreach (var keys in proofs.KeysWrittenBefore(writtenBefore).Chunk(BatchSize))
        {
            checkedFiles += keys.Length;
            var named = await db.Set<Payment>().AsNoTracking().Where(p => keys.Contains(p.ProofFileUrl!))
                .Select(p => p.ProofFileUrl!).ToListAsync(cancellationToken);
            foreach (var orphan in keys.Except(named, StringComparer.Ordinal))
            {
                proofs.Delete(orphan);
                deleted++;
            }
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        PaymentsLog.OrphanProofsRun(logger, checkedFiles, deleted, elapsed.TotalMilliseconds);
        return deleted;
    }
}
