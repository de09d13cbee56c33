using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Lines;
using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.UnitTests.Cart.Lines;

public sealed class LineRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_an_active_product_When_looked_up_Then_it_is_purchasable()
    {
        var product = Product(ProductStatus.Active, isDeleted: false);

        Assert.Same(product, await LineRules.PurchasableAsync(new Catalog(product), product.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData(ProductStatus.Draft, false)]
    [InlineData(ProductStatus.Discontinued, false)]
    [InlineData(ProductStatus.Active, true)]
    public async Task Given_a_product_not_for_sale_When_looked_up_Then_there_is_none(ProductStatus status, bool isDeleted)
    {
        var product = Product(status, isDeleted);

        Assert.Null(await LineRules.PurchasableAsync(new Catalog(product), product.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Given_an_unknown_product_When_looked_up_Then_there_is_none()
    {
        Assert.Null(await LineRules.PurchasableAsync(new Catalog(), Guid.CreateVersion7(), CancellationToken.None));
    }

    [Fact]
    public void Given_a_line_When_set_Then_it_holds_the_quantity_at_the_current_price()
    {
        var line = new CartItem { Quantity = 1, UnitPriceCents = 900, UpdatedAt = Now.AddDays(-1) };

        LineRules.Set(line, 3, Product(ProductStatus.Active, isDeleted: false), Now);

        Assert.Equal((3, 1250, Now), (line.Quantity, line.UnitPriceCents, line.UpdatedAt));
    }

    private static ProductSnapshot Product(ProductStatus status, bool isDeleted) => new(
        Guid.CreateVersion7(), "SKU-1", "BPC-157", "bpc-157", ProductType.Peptide, status, isDeleted, 1250, null, false, null, null, false, false,
        [], [], null);

    private sealed class Catalog(params ProductSnapshot[] products) : IProductCatalog
    {
        public Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProductSnapshot>>(products.Where(p => productIds.Contains(p.Id)).ToList());
    }
}
