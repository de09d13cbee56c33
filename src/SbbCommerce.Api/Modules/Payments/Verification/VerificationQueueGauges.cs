using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.Api.Modules.Payments.Verification;

/// <summary>
/// The verification queue as gauges: how many manual payments wait for an admin, and how long the oldest has
/// waited. One query over the small partial index <c>idx_payments_awaiting</c>.
/// </summary>
internal sealed class VerificationQueueGauges(NpgsqlDataSource dataSource) : IGaugeSource
{
    public const string Waiting = "sbb.payments.awaiting_verification";
    public const string OldestAge = "sbb.payments.awaiting_verification.oldest_age";

    private const string Sql = "SELECT count(*), min(updated_at) FROM payments WHERE status = 'awaiting_verification'";

    public IReadOnlyList<GaugeInstrument> Instruments { get; } =
    [
        new(Waiting, "{payment}", "Payments submitted by customers and awaiting an admin's verification (database-wide)."),
        new(OldestAge, "s", "How long the oldest payment awaiting verification has waited (0 when none; database-wide)."),
    ];

    public async Task<IReadOnlyList<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt64(0);
        var oldest = reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(1);
        return
        [
            new(Waiting, count),
            new(OldestAge, oldest is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0),
        ];
    }
}
