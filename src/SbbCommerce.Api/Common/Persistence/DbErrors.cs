namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Recognises the database refusals that are answers: a unique key taken, or a row referred to removed, by a
/// concurrent request; a CHECK the change breaks. Which code a constraint means is the owning module's to say
/// (<see cref="DbConstraintCodes"/>).
/// </summary>
internal static class DbErrors
{
    public static bool IsUniqueViolation(this DbUpdateException exception, string constraintOrIndex) =>
        string.Equals(UniqueViolation(exception), constraintOrIndex, StringComparison.Ordinal);

    /// <summary>The violated unique constraint or index, or null when the failure is something else.</summary>
    public static string? UniqueViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } postgres ? postgres.ConstraintName : null;

    /// <summary>The violated CHECK constraint, or null when the failure is something else.</summary>
    public static string? CheckViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.CheckViolation } postgres ? postgres.ConstraintName : null;

    public static bool IsForeignKeyViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    private static PostgresException? Postgres(Exception? exception) =>
        exception as PostgresException ?? (exception as DbUpdateException)?.InnerException as PostgresException;
}
