namespace SbbCommerce.IntegrationTests.Cart.Admin;

public sealed class DiscountAdminTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    private static object Request(string code, int value = 15) => new
    {
        code, name = "Fall sale", discountType = "percentage", value, usageLimit = 100, usageLimitPerUser = 1, firstOrderOnly = false,
    };

    [Fact]
    public async Task Given_an_admin_When_creating_updating_and_deleting_a_discount_Then_each_change_is_saved_and_audited()
    {
        var code = $"fall{Guid.NewGuid():N}"[..12];

        var created = await (await Admin().PostAsJsonAsync("/api/v1/admin/discounts", Request(code))).ReadAsync();
        var id = created.GetProperty("id").GetGuid();
        var updated = await (await Admin().PutAsJsonAsync($"/api/v1/admin/discounts/{id}", Request(code, value: 25))).ReadAsync();
        var deleted = await Admin().DeleteAsync($"/api/v1/admin/discounts/{id}");
        var read = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/discounts/{id}");

        Assert.Equal(code.ToUpperInvariant(), created.GetProperty("code").GetString());
        Assert.Equal(25, updated.GetProperty("value").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(read.GetProperty("isActive").GetBoolean());
        Assert.Equal(3L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action IN ('discount.created', 'discount.updated', 'discount.deactivated')", ("id", id)));
    }

    [Fact]
    public async Task Given_an_existing_code_When_creating_it_again_Then_409()
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/discounts", Request("welcome10"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "discount_code_taken");
    }

    [Theory]
    [InlineData("percentage", 0)]
    [InlineData("percentage", 101)]
    [InlineData("fixed_amount", -5)]
    public async Task Given_an_out_of_range_value_When_creating_Then_400_validation_failed(string type, int value)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/discounts", new { code = "BADVALUE", name = "x", discountType = type, value });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_customer_When_listing_discounts_Then_403()
    {
        var response = await fixture.CreateClient().WithBearer(fixture.CustomerToken()).GetAsync("/api/v1/admin/discounts");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
