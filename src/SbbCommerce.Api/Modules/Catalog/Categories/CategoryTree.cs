using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Categories;

/// <summary>Keeps the category tree a tree.</summary>
internal static class CategoryTree
{
    /// <summary>Any constant: the transaction-scoped advisory lock that serialises moves within the tree.</summary>
    private const long MoveLockKey = 0x5BB_CA7A_1060;

    public static ProblemHttpResult NotFound() => ApiProblems.NotFound(CatalogErrors.CategoryNotFound, "No such category.");

    public static ProblemHttpResult ParentNotFound() =>
        ApiProblems.Unprocessable(CatalogErrors.CategoryNotFound, "The parent category does not exist.");

    public static ProblemHttpResult SlugTaken() => ApiProblems.Conflict(CatalogErrors.SlugTaken, "Another category has this slug.");

    /// <summary>
    /// Takes the tree's move lock (until the transaction ends). Two moves that are each fine alone (A under B, B
    /// under A) would together make a cycle; holding this while checking and saving makes the second one see the first.
    /// </summary>
    public static async Task LockForMoveAsync(SbbDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({MoveLockKey})", cancellationToken);
    }

    /// <summary>True when <paramref name="parentId"/> is the category itself or one of its descendants.</summary>
    public static async Task<bool> WouldCycleAsync(SbbDbContext db, Guid categoryId, Guid parentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parents = await db.Set<ProductCategory>().AsNoTracking()
            .Select(c => new { c.Id, c.ParentId })
            .ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        Guid? current = parentId;
        for (var steps = 0; current is { } id && steps <= parents.Count; steps++)
        {
            if (id == categoryId)
            {
                return true;
            }

            current = parents.GetValueOrDefault(id);
        }

        return false;
    }
}
