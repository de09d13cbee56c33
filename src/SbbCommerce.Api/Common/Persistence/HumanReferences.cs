namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Human references (SBB-100001, PAY-200001, RF-300001, FUL-400001) from PostgreSQL sequences: unique across
/// hosts without a lock or a retry (db/migrations/0015). A rolled-back transaction leaves a gap, never a duplicate.
/// </summary>
internal static class HumanReferences
{
    public const string Order = "order_number_seq";
    public const string Payment = "payment_reference_seq";
    public const string Refund = "refund_reference_seq";
    public const string Fulfillment = "fulfillment_number_seq";

    public static async Task<string> NextAsync(this SbbDbContext db, string sequence, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = Allowed(sequence);
        var value = await db.Database.SqlQuery<long>($"SELECT nextval({name}::regclass) AS \"Value\"").SingleAsync(cancellationToken);
        return $"{prefix}-{value}";
    }

    /// <summary>Only the sequences above.</summary>
    private static string Allowed(string sequence) => sequence is Order or Payment or Refund or Fulfillment
        ? sequence
        : throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Unknown reference sequence.");
}
