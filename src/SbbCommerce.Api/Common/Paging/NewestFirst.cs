using System.Linq.Expressions;

namespace SbbCommerce.Api.Common.Paging;

/// <summary>
/// The keyset of every "newest first" list: ordered by creation time then id, both descending, starting strictly
/// after the cursor's row, one row more than the limit (so <see cref="KeysetCursor.ToPage"/> knows whether another
/// page exists).
/// </summary>
internal static class NewestFirst
{
    private static readonly System.Reflection.MethodInfo GuidCompareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;

    public static IQueryable<T> Page<T>(this IQueryable<T> query, PageRequest page, CreatedIdCursor? after,
        Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<T, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(createdAt);
        ArgumentNullException.ThrowIfNull(id);
        if (after is not null)
        {
            query = query.Where(After(after, createdAt, id));
        }

        return query.OrderByDescending(createdAt).ThenByDescending(id).Take(page.Limit + 1);
    }

    /// <summary>One page of rows read as they are (no projection in the query), each turned into its item.</summary>
    public static async Task<PagedResponse<TItem>> ToPageAsync<T, TItem>(this IQueryable<T> query, PageRequest page, CreatedIdCursor? after,
        Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<T, Guid>> id, Func<T, TItem> toItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createdAt);
        ArgumentNullException.ThrowIfNull(id);
        var rows = await query.Page(page, after, createdAt, id).ToListAsync(cancellationToken);
        var (createdAtOf, idOf) = (createdAt.Compile(), id.Compile());
        return KeysetCursor.ToPage(rows, page.Limit, toItem, row => new CreatedIdCursor(createdAtOf(row), idOf(row)));
    }

    /// <summary><c>created_at &lt; @at OR (created_at = @at AND id &lt; @id)</c>, the cursor read as parameters.</summary>
    private static Expression<Func<T, bool>> After<T>(CreatedIdCursor after, Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<T, Guid>> id)
    {
        var row = createdAt.Parameters[0];
        var rowId = new Rebind(id.Parameters[0], row).Visit(id.Body);
        // Members of a constant, like a closure's captured variables: EF Core turns them into query parameters.
        var cursor = Expression.Constant(after);
        var cursorAt = Expression.Property(cursor, nameof(CreatedIdCursor.CreatedAt));
        var cursorId = Expression.Property(cursor, nameof(CreatedIdCursor.Id));
        var before = Expression.OrElse(
            Expression.LessThan(createdAt.Body, cursorAt),
            Expression.AndAlso(
                Expression.Equal(createdAt.Body, cursorAt),
                Expression.LessThan(Expression.Call(rowId, GuidCompareTo, cursorId), Expression.Constant(0))));
        return Expression.Lambda<Func<T, bool>>(before, row);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
