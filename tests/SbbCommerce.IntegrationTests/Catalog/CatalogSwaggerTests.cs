namespace SbbCommerce.IntegrationTests.Catalog;

/// <summary>Swagger documents every Catalog route with its statuses.</summary>
public sealed class CatalogSwaggerTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/v1/products", "get", "200,400")]
    [InlineData("/api/v1/products/{slug}", "get", "200,404")]
    [InlineData("/api/v1/categories", "get", "200")]
    [InlineData("/api/v1/admin/products", "post", "201,400,401,403,409,422")]
    [InlineData("/api/v1/admin/products/{id}", "put", "200,400,401,403,404,409,422")]
    [InlineData("/api/v1/admin/products/{id}", "delete", "204,401,403,404")]
    [InlineData("/api/v1/admin/products/{id}/publish", "post", "200,404")]
    [InlineData("/api/v1/admin/products/{id}/inventory-adjustments", "post", "200,400,404,422")]
    [InlineData("/api/v1/admin/products/low-stock", "get", "200,401,403")]
    [InlineData("/api/v1/admin/categories", "post", "201,400,409,422")]
    [InlineData("/api/v1/admin/categories/{id}", "put", "200,400,404,409,422")]
    [InlineData("/api/v1/admin/categories/{id}", "delete", "204,404,422")]
    [InlineData("/api/v1/admin/products/{id}/batches", "post", "201,400,404,409")]
    [InlineData("/api/v1/admin/batches/{id}/verify-coa", "post", "200,404")]
    [InlineData("/api/v1/admin/batches/{id}/recipients", "get", "200,404")]
    public async Task Given_the_swagger_document_When_reading_a_catalog_route_Then_its_statuses_are_documented(string path, string method, string statuses)
    {
        var document = await (await fixture.Admin().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not documented");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not documented");
        var documented = operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToHashSet();
        Assert.Subset(documented, statuses.Split(',').ToHashSet());
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        Assert.False(document.GetProperty("paths").TryGetProperty("/api/v1/_diagnostics/inventory/reserve", out _));
    }

    [Fact]
    public async Task Given_the_swagger_document_When_reading_the_product_list_Then_its_query_parameters_are_the_contracts()
    {
        var document = await (await fixture.Admin().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/products").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Where(parameter => parameter.Str("in") == "query").Select(parameter => parameter.Str("name")).ToList();

        Assert.Equal(["category", "type", "q", "limit", "cursor"], parameters);
    }

    [Fact]
    public async Task Given_the_swagger_document_When_reading_the_product_schema_Then_its_fields_are_described()
    {
        var document = await (await fixture.Admin().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var product = schemas.GetProperty("ProductResponse");
        Assert.Contains("cents", product.GetProperty("properties").GetProperty("priceCents").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, product.GetProperty("properties").GetProperty("currentBatch").ValueKind);
    }
}
