namespace SbbCommerce.IntegrationTests.Identity.Addresses;

public sealed class AddressTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static object Address(string type = "shipping", bool isDefault = false, string city = "Austin") => new
    {
        addressType = type,
        isDefault,
        label = "Home",
        recipientName = "Ada Lovelace",
        streetLine1 = "1 Main St",
        city,
        stateProvince = "TX",
        postalCode = "73301",
        countryCode = "US",
    };

    [Fact]
    public async Task Given_addresses_When_a_new_default_is_set_Then_exactly_one_default_per_type_remains()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var me = fixture.Authorized(session);

        var first = await (await me.PostAsJsonAsync("/api/v1/me/addresses", Address())).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await me.PostAsJsonAsync("/api/v1/me/addresses", Address(isDefault: true, city: "Dallas"))).Content.ReadFromJsonAsync<JsonElement>();
        await me.PostAsJsonAsync("/api/v1/me/addresses", Address(type: "billing"));
        var list = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/addresses");

        Assert.True(first.GetProperty("isDefault").GetBoolean(), "the first address of a type becomes its default");
        var defaults = list.EnumerateArray().Where(a => a.GetProperty("isDefault").GetBoolean()).ToList();
        Assert.Equal(2, defaults.Count);
        Assert.Contains(defaults, a => a.GetProperty("id").GetGuid() == second.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Given_the_database_When_two_defaults_of_one_type_are_forced_Then_it_refuses()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var me = fixture.Authorized(session);
        await me.PostAsJsonAsync("/api/v1/me/addresses", Address());
        await me.PostAsJsonAsync("/api/v1/me/addresses", Address(city: "Houston"));

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            fixture.ExecuteAsync("UPDATE user_addresses SET is_default = true WHERE user_id = @id", ("id", session.UserId)));

        Assert.Equal("23505", error.SqlState);
    }

    [Fact]
    public async Task Given_an_address_When_updated_and_deleted_Then_it_changes_then_disappears_but_stays_in_the_database()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var me = fixture.Authorized(session);
        var id = (await (await me.PostAsJsonAsync("/api/v1/me/addresses", Address())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var updated = await me.PutAsJsonAsync($"/api/v1/me/addresses/{id}", Address(city: "El Paso"));
        var deleted = await me.DeleteAsync($"/api/v1/me/addresses/{id}");
        var list = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/addresses");

        Assert.Equal("El Paso", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("city").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM user_addresses WHERE id = @id AND deleted_at IS NOT NULL", ("id", id)));
    }

    [Fact]
    public async Task Given_another_users_address_When_reading_changing_or_deleting_it_Then_404_and_it_is_untouched()
    {
        var client = fixture.CreateClient();
        var (_, alice) = await client.NewCustomerAsync();
        var (_, bob) = await client.NewCustomerAsync();
        var bobsAddress = (await (await fixture.Authorized(bob).PostAsJsonAsync("/api/v1/me/addresses", Address())).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var aliceClient = fixture.Authorized(alice);

        var put = await aliceClient.PutAsJsonAsync($"/api/v1/me/addresses/{bobsAddress}", Address(city: "Stolen"));
        var delete = await aliceClient.DeleteAsync($"/api/v1/me/addresses/{bobsAddress}");
        var list = await aliceClient.GetFromJsonAsync<JsonElement>("/api/v1/me/addresses");

        await put.AssertProblemAsync(HttpStatusCode.NotFound, "address_not_found");
        await delete.AssertProblemAsync(HttpStatusCode.NotFound, "address_not_found");
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal("Austin", await fixture.ScalarAsync<string>("SELECT city FROM user_addresses WHERE id = @id AND deleted_at IS NULL", ("id", bobsAddress)));
    }

    [Theory]
    [InlineData("Texas", "73301")]
    [InlineData("TX", "ABCDE")]
    public async Task Given_a_malformed_us_address_When_creating_Then_400_validation_failed(string state, string zip)
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();

        var response = await fixture.Authorized(session).PostAsJsonAsync("/api/v1/me/addresses", new
        {
            addressType = "shipping", recipientName = "A", streetLine1 = "1 Main", city = "Austin", stateProvince = state, postalCode = zip, countryCode = "US",
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
