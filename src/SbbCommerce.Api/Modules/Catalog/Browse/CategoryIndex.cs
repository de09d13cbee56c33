namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>One category as loaded for the tree.</summary>
internal sealed record CategoryRow(Guid Id, string Name, string Slug, string? Description, Guid? ParentId, int SortOrder);

/// <summary>All categories (a small table, cached whole): the tree and the sub-trees that list filters use.</summary>
internal sealed class CategoryIndex
{
    private readonly Dictionary<string, CategoryRow> _bySlug;
    private readonly ILookup<Guid?, CategoryRow> _byParent;

    public CategoryIndex(IReadOnlyList<CategoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _bySlug = rows.ToDictionary(row => row.Slug, StringComparer.Ordinal);
        _byParent = rows
            .OrderBy(row => row.SortOrder).ThenBy(row => row.Name, StringComparer.Ordinal)
            .ToLookup(row => row.ParentId);
        Tree = Build(parentId: null, depth: 0);
    }

    /// <summary>The roots, each with its descendants, in sort order.</summary>
    public IReadOnlyList<CategoryNodeResponse> Tree { get; }

    /// <summary>The category of that slug and all its descendants; null when no category has that slug.</summary>
    public IReadOnlyList<Guid>? SubtreeOf(string slug)
    {
        if (!_bySlug.TryGetValue(slug, out var root))
        {
            return null;
        }

        var ids = new List<Guid>();
        var pending = new Stack<CategoryRow>([root]);
        while (pending.TryPop(out var category))
        {
            // The tree has no cycles (updates refuse them), but a guard keeps a corrupt row from looping forever.
            if (ids.Contains(category.Id))
            {
                continue;
            }

            ids.Add(category.Id);
            foreach (var child in _byParent[category.Id])
            {
                pending.Push(child);
            }
        }

        return ids;
    }

    private List<CategoryNodeResponse> Build(Guid? parentId, int depth) => depth > 64
        ? []
        : _byParent[parentId]
            .Select(row => new CategoryNodeResponse(row.Id, row.Name, row.Slug, row.Description, row.SortOrder, Build(row.Id, depth + 1)))
            .ToList();
}
