using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SbbCommerce.Api.Modules.Catalog;

/// <summary>Database refusals that are answers: a key taken, or a row referred to removed, by a concurrent request.</summary>
internal static class CatalogDbErrors
{
    /// <summary>The violated unique constraint or index, or null when the failure is something else.</summary>
    public static string? UniqueViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.UniqueViolation } postgres ? postgres.ConstraintName : null;

    public static bool ForeignKeyViolation(Exception exception) =>
        Postgres(exception) is { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    private static PostgresException? Postgres(Exception exception) =>
        exception as PostgresException ?? (exception as DbUpdateException)?.InnerException as PostgresException;
}
