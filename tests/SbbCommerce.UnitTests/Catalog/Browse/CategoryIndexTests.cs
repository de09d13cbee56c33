using SbbCommerce.Api.Modules.Catalog.Browse;

namespace SbbCommerce.UnitTests.Catalog.Browse;

public sealed class CategoryIndexTests
{
    private static readonly Guid Root = Guid.NewGuid();
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Grandchild = Guid.NewGuid();
    private static readonly Guid Sibling = Guid.NewGuid();
    private static readonly Guid OtherRoot = Guid.NewGuid();

    private static CategoryIndex Index() => new(
    [
        new CategoryRow(Grandchild, "Grandchild", "grandchild", null, Child, 0),
        new CategoryRow(Sibling, "Sibling", "sibling", null, Root, 1),
        new CategoryRow(Child, "Child", "child", null, Root, 0),
        new CategoryRow(OtherRoot, "Other", "other", null, null, 2),
        new CategoryRow(Root, "Root", "root", null, null, 1),
    ]);

    [Fact]
    public void Given_a_category_When_taking_its_subtree_Then_it_has_every_descendant_and_nothing_else()
    {
        var subtree = Index().SubtreeOf("root");

        Assert.Equal(new[] { Root, Child, Grandchild, Sibling }.Order(), subtree!.Order());
        Assert.Equal([Grandchild], Index().SubtreeOf("grandchild"));
        Assert.Null(Index().SubtreeOf("unknown"));
    }

    [Fact]
    public void Given_rows_in_any_order_When_building_the_tree_Then_siblings_come_in_sort_order()
    {
        var tree = Index().Tree;

        Assert.Equal(["root", "other"], tree.Select(node => node.Slug));
        Assert.Equal(["child", "sibling"], tree[0].Children.Select(node => node.Slug));
        Assert.Equal("grandchild", Assert.Single(tree[0].Children[0].Children).Slug);
    }

    [Fact]
    public void Given_a_corrupt_cycle_When_taking_a_subtree_Then_it_ends()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var index = new CategoryIndex([new CategoryRow(a, "A", "a", null, b, 0), new CategoryRow(b, "B", "b", null, a, 0)]);

        Assert.Equal(2, index.SubtreeOf("a")!.Count);
        Assert.Empty(index.Tree);
    }
}
