using System.Text.Json;
using SbbCommerce.IntegrationTests.Cart;

namespace SbbCommerce.IntegrationTests.Payments;

public sealed class PaymentMethodTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_the_public_list_Then_active_methods_come_in_order_with_instructions_and_details()
    {
        var methods = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");

        var orders = methods.EnumerateArray().Select(m => m.GetProperty("sortOrder").GetInt32()).ToList();
        Assert.Equal(orders.Order().ToList(), orders);
        Assert.Contains(methods.EnumerateArray(), m => m.GetProperty("methodType").GetString() == "zelle"
            && m.GetProperty("details").ValueKind == JsonValueKind.Object && m.GetProperty("instructions").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Given_an_admin_When_creating_updating_and_switching_off_a_method_Then_the_public_list_follows_and_each_change_is_audited()
    {
        var request = new
        {
            methodType = "venmo", name = "Venmo", instructions = "Pay @sbb with the reference in the note.", details = new { handle = "@sbb" },
            minAmountCents = 100, maxAmountCents = 50_000, confirmationWindowHours = 24, sortOrder = 9,
        };

        var created = await (await Admin().PostAsJsonAsync("/api/v1/admin/payment-methods", request)).ReadAsync();
        var id = created.GetProperty("method").GetProperty("id").GetGuid();
        var updated = await (await Admin().PutAsJsonAsync($"/api/v1/admin/payment-methods/{id}", request with { }))
            .ReadAsync();
        var listed = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");
        var deleted = await Admin().DeleteAsync($"/api/v1/admin/payment-methods/{id}");
        var after = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/payment-methods");

        Assert.Equal("Venmo", updated.GetProperty("method").GetProperty("name").GetString());
        Assert.Contains(listed.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(after.EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id", ("id", id)));
    }

    [Fact]
    public async Task Given_a_maximum_below_the_minimum_When_creating_a_method_Then_400_validation_failed()
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/payment-methods", new
        {
            methodType = "check", name = "Check", instructions = "Mail it.", details = new { }, minAmountCents = 5_000, maxAmountCents = 100, sortOrder = 1,
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
