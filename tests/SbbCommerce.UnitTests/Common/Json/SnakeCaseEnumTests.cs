using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.UnitTests.Common.Json;

public sealed class SnakeCaseEnumTests
{
    [Fact]
    public void Given_an_enum_Then_its_labels_are_its_members_in_snake_case()
    {
        Assert.Equal(["draft", "active", "discontinued", "out_of_stock"], SnakeCaseEnum.All<ProductStatus>());
    }

    [Theory]
    [InlineData("out_of_stock", true)]
    [InlineData("OutOfStock", false)]
    [InlineData(null, false)]
    public void Given_a_label_When_parsing_Then_only_the_exact_snake_case_label_is_read(string? label, bool parsed)
    {
        Assert.Equal(parsed, SnakeCaseEnum.TryParse<ProductStatus>(label, out var status));
        Assert.Equal(parsed ? ProductStatus.OutOfStock : default, status);
    }
}
