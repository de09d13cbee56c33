namespace SbbCommerce.IntegrationTests.Persistence;

/// <summary>The very first start of a host on an empty database: it migrates, seeds, then serves enum columns.</summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task Given_an_empty_database_When_a_host_migrates_and_seeds_at_start_Then_products_with_enum_columns_are_served()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        await using var factory = new SbbApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "true",
            ["Database:Seed"] = "development",
            ["Seed:AdminPassword"] = TestDatabases.AdminPassword,
        });
        var client = factory.CreateClient();

        // The start waits for the migration (Database:StartupWaitSeconds): the first request already meets a ready host.
        var ready = await client.GetAsync("/health/ready");

        var products = await client.GetAsync("/api/v1/products?limit=5");
        var product = await client.GetAsync($"/api/v1/products/{SeededData.BpcProductSlug}");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.Equal(HttpStatusCode.OK, product.StatusCode);
    }
}
