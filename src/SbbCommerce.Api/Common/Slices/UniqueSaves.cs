namespace SbbCommerce.Api.Common.Slices;

/// <summary>
/// Saves a change whose unique value a concurrent request may have taken first: the slice answers that with its own
/// 409, any other failure is unexpected and propagates.
/// </summary>
internal static class UniqueSaves
{
    /// <summary>Saves the change; false when the unique constraint or index <paramref name="constraintOrIndex"/> refused it.</summary>
    public static async Task<bool> TrySaveUniqueAsync(this DbContext db, string constraintOrIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(constraintOrIndex))
        {
            return false;
        }
    }
}
