using System.Net;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary>
/// Pull as well as push: reads the ERP's item quantities changed since the last watermark (<c>GET /items?updated_after=
/// &amp;limit=500&amp;page=</c>, as Propello prefers incremental reads) and applies each through Catalog's count contract,
/// the same as an <c>inventory.updated</c> webhook, so a missed webhook heals within the job's period. One transaction:
/// the counts and the advanced watermark commit together; the watermark row is locked (SKIP LOCKED), so a second host's
/// run skips instead of pulling the same pages.
/// </summary>
internal sealed partial class ErpInventoryPullJob(
    SbbDbContext db, PropelloClient client, IOptions<PropelloOptions> options, IInventoryCounts counts, TimeProvider timeProvider,
    ILogger<ErpInventoryPullJob> logger)
{
    public const string Watermark = "erp_inventory_pull";
    public const int PageSize = 500;
    private const int MaxPages = 200;

    /// <summary>Returns the counts that changed stock (unknown SKUs and stale counts are read, not applied).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO integration_watermarks (name, value) VALUES ({Watermark}, {DateTimeOffset.UnixEpoch}) ON CONFLICT (name) DO NOTHING",
            cancellationToken);
        var since = await db.Database.SqlQuery<DateTimeOffset?>(
                $"SELECT value AS \"Value\" FROM integration_watermarks WHERE name = {Watermark} FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(cancellationToken);
        if (since is null)
        {
            return 0; // another host is pulling right now
        }

        var newest = since.Value;
        int read = 0, applied = 0;
        for (var page = 1; page <= MaxPages; page++)
        {
            var path = $"{options.Value.Paths.Items}?updated_after={Uri.EscapeDataString(PropelloJson.Format(since.Value))}&limit={PageSize}&page={page}";
            var answer = await client.GetAsync(path, cancellationToken);
            if (answer.Status != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"Propello answered {(int)answer.Status} to the inventory pull.", null, answer.Status);
            }

            var items = JsonSerializer.Deserialize<ItemsPage>(answer.Body, PropelloJson.Options) ?? new ItemsPage([], false);
            foreach (var item in items.Items.Where(i => i.Sku is { Length: > 0 } && i.QuantityOnHand >= 0))
            {
                var asOf = item.UpdateDatetime ?? timeProvider.GetUtcNow();
                // A count already applied (the boundary item read again, or one a webhook delivered) comes back stale.
                var result = await counts.ApplyCountAsync(item.Sku!, item.QuantityOnHand, asOf, "erp_pull", cancellationToken);
                applied += result is "applied" or "discrepancy" ? 1 : 0;
                newest = asOf > newest ? asOf : newest;
                read++;
            }

            if (!items.HasMore)
            {
                break;
            }
        }

        await db.Database.ExecuteSqlAsync(
            $"UPDATE integration_watermarks SET value = {newest}, updated_at = {timeProvider.GetUtcNow()} WHERE name = {Watermark}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPulled(logger, read, applied, newest);
        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ERP inventory pull: {Read} counts read, {Applied} applied, watermark {Watermark}")]
    private static partial void LogPulled(ILogger logger, int read, int applied, DateTimeOffset watermark);

    private sealed record ItemsPage(IReadOnlyList<PulledItem> Items, bool HasMore);

    private sealed record PulledItem(string? Sku, int QuantityOnHand, DateTimeOffset? UpdateDatetime);
}
