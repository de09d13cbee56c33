using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Inventory;

namespace SbbCommerce.UnitTests.Catalog.Inventory;

public sealed class StockLinesTests
{
    [Fact]
    public void Given_lines_of_one_product_Then_they_are_merged_into_one()
    {
        var id = Guid.NewGuid();

        var lines = StockLines.Normalize([new StockLine(id, 2), new StockLine(id, 3)]);

        Assert.Equal(new StockLine(id, 5), Assert.Single(lines));
    }

    [Fact]
    public void Given_any_order_Then_lines_come_in_the_order_postgresql_sorts_uuids()
    {
        // PostgreSQL compares uuids byte by byte as written in the text form: the ordinal order of the strings.
        var ids = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid())
            .Append(Guid.Parse("ffffffff-0000-4000-8000-000000000000"))
            .Append(Guid.Parse("00000000-ffff-4000-8000-000000000000"))
            .Append(Guid.Parse("00000000-0000-4000-8000-ff0000000000"))
            .ToList();

        var lines = StockLines.Normalize(ids.Select(id => new StockLine(id, 1)).Reverse().ToList());

        Assert.Equal(ids.OrderBy(id => id.ToString(), StringComparer.Ordinal), lines.Select(line => line.ProductId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Given_a_quantity_below_one_Then_it_is_a_programming_error(int quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StockLines.Normalize([new StockLine(Guid.NewGuid(), quantity)]));
    }
}
