using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.IntegrationTests.Catalog.Browse;

/// <summary>IProductCatalog, the product lookup other modules (Cart, Orders) call.</summary>
public sealed class ProductCatalogTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_seeded_draft_and_unknown_ids_When_looking_them_up_Then_existing_ones_come_back_with_what_selling_needs()
    {
        var draft = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 7));
        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = 2 WHERE id = @id", ("id", draft.Id()));
        var semaglutide = Guid.Parse("00000000-0000-4000-8000-000000020003");
        await using var scope = fixture.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<IProductCatalog>();

        var products = await catalog.GetProductsAsync([SeededData.BpcProductId, semaglutide, draft.Id(), Guid.NewGuid()], CancellationToken.None);

        Assert.Equal(3, products.Count);
        var bpc = products.Single(p => p.Id == SeededData.BpcProductId);
        Assert.True(bpc.IsPurchasable);
        Assert.Equal(4999, bpc.PriceCents);
        Assert.Equal(420, bpc.QuantityAvailable);
        Assert.Equal("BPC-2609-B", bpc.CurrentBatchNumber);
        var sema = products.Single(p => p.Id == semaglutide);
        Assert.True(sema.RequiresKyc);
        Assert.Equal(["CA", "NY"], sema.RestrictedStates.Order());
        var created = products.Single(p => p.Id == draft.Id());
        Assert.False(created.IsPurchasable);
        Assert.Equal(ProductStatus.Draft, created.Status);
        Assert.Equal(5, created.QuantityAvailable);
    }
}
