using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Pessimistic row locks that keep the optimistic version: <c>SELECT *, xmin ... FOR UPDATE</c>. The row stays locked
/// until the transaction ends, and its <c>xmin</c> (a system column <c>*</c> leaves out) is read with it, so the entity's
/// row version is the one EF checks at the save.
/// </summary>
internal static class RowLocks
{
    private static readonly ConcurrentDictionary<Type, string> SelectFrom = new();

    /// <summary>The row with this id, tracked and locked (null: there is none).</summary>
    public static Task<T?> LockAsync<T>(this DbContext db, Guid id, CancellationToken cancellationToken)
        where T : class =>
        db.Locking<T>($"id = {id}").SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The rows that meet <paramref name="condition"/> (a WHERE clause over the entity's own table, optionally ending
    /// in ORDER BY), tracked and locked. Its holes become parameters, as in <c>FromSqlInterpolated</c>.
    /// </summary>
    public static IQueryable<T> Locking<T>(this DbContext db, FormattableString condition)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(condition);
        var sql = FormattableStringFactory.Create(SelectFromOf<T>(db) + " WHERE " + condition.Format + " FOR UPDATE", condition.GetArguments());
        return db.Set<T>().FromSqlInterpolated(sql);
    }

    private static string SelectFromOf<T>(DbContext db) => SelectFrom.GetOrAdd(typeof(T), static (type, model) =>
    {
        var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table.");
        var schema = entity.GetSchema();
        return "SELECT *, xmin FROM " + (schema is null ? string.Empty : Quote(schema) + ".") + Quote(table);
    }, db.Model);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
