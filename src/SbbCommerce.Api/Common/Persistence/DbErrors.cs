using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>Recognises the database refusals that are answers (a unique key taken by a concurrent request).</summary>
internal static class DbErrors
{
    public static bool IsUniqueViolation(this DbUpdateException exception, string constraintOrIndex) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && string.Equals(postgres.ConstraintName, constraintOrIndex, StringComparison.Ordinal);
}
