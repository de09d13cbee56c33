using System.Net.Http.Headers;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Catalog.Caching;
using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Catalog.Browse;

/// <summary>Public catalog reads a CDN can hold: strong ETag, public Cache-Control, 304 on a matching If-None-Match.</summary>
public sealed class PublicCacheTests(CatalogNotificationsFixture fixture, ITestOutputHelper output) : IClassFixture<CatalogNotificationsFixture>
{
    [Theory]
    [InlineData("/api/v1/products")]
    [InlineData("/api/v1/products/" + SeededData.BpcProductSlug)]
    [InlineData("/api/v1/categories")]
    public async Task Given_an_anonymous_read_When_served_Then_it_carries_a_strong_etag_and_public_caching(string path)
    {
        var response = await fixture.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=5, stale-while-revalidate=30", response.Headers.GetValues("Cache-Control").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Given_a_cached_page_When_revalidated_with_its_etag_Then_304_even_if_the_database_changed_behind_the_api()
    {
        var heard = fixture.Notifications.Count;
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(priceCents: 2500));
        // The publish's eviction reaches this host too, a moment after it returned: let it pass before the page is cached.
        await fixture.Notifications.WaitBeyondAsync(heard);
        var path = $"/api/v1/products/{product.Str("slug")}";
        var first = await fixture.CreateClient().GetAsync(path);
        // Behind the API's back: only the read cache can answer 304 now (a database read would see a new body).
        await fixture.ExecuteAsync("UPDATE products SET price_cents = 9999 WHERE id = @id", ("id", product.Id()));

        var revalidated = await RevalidateAsync(path, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.StartsWith("public", revalidated.Headers.GetValues("Cache-Control").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_etag_When_an_admin_changes_the_price_Then_revalidation_answers_200_with_the_new_price_and_a_new_etag()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500);
        var product = await fixture.CreateActiveProductAsync(body);
        var path = $"/api/v1/products/{product.Str("slug")}";
        var first = await fixture.CreateClient().GetAsync(path);
        body["priceCents"] = 1999;
        body["version"] = product.GetProperty("version").GetUInt32();
        await (await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body)).ReadJsonAsync(HttpStatusCode.OK);

        var revalidated = await RevalidateAsync(path, first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.NotEqual(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Equal(1999, JsonDocument.Parse(await revalidated.Content.ReadAsStringAsync()).RootElement.GetProperty("priceCents").GetInt32());
    }

    [Fact]
    public async Task Given_a_signed_in_or_failing_read_When_served_Then_nothing_is_publicly_cacheable()
    {
        var signedIn = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync($"/api/v1/products/{SeededData.BpcProductSlug}");
        var missing = await fixture.CreateClient().GetAsync("/api/v1/products/no-such-product");
        var anonymous = fixture.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-Anonymous-Id", $"visitor-{Guid.NewGuid():N}");
        var cart = await anonymous.GetAsync("/api/v1/cart");

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.True(signedIn.Headers.CacheControl?.NoStore);
        Assert.False(signedIn.Headers.CacheControl?.Public);
        Assert.Null(missing.Headers.ETag);
        Assert.NotEqual(true, missing.Headers.CacheControl?.Public);
        Assert.True(cart.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Given_a_cached_product_list_When_read_200_times_fresh_and_200_times_revalidated_Then_304s_carry_no_body()
    {
        var client = fixture.CreateClient();
        var first = await client.GetAsync("/api/v1/products?limit=50");
        var full = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            (await client.GetAsync("/api/v1/products?limit=50")).EnsureSuccessStatusCode();
        }

        full.Stop();
        var notModified = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await RevalidateAsync("/api/v1/products?limit=50", first.Headers.ETag!)).StatusCode);
        }

        notModified.Stop();
        output.WriteLine($"200 cached 200s: {full.Elapsed.TotalMilliseconds / 200:F3} ms each ({first.Content.Headers.ContentLength} bytes); "
            + $"200 304s: {notModified.Elapsed.TotalMilliseconds / 200:F3} ms each (0 bytes)");
    }

    private Task<HttpResponseMessage> RevalidateAsync(string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return fixture.CreateClient().SendAsync(request);
    }
}

/// <summary>An <see cref="ApiFixture"/> whose host also counts the catalog evictions it hears from PostgreSQL.</summary>
public sealed class CatalogNotificationsFixture : ApiFixture
{
    public CatalogNotificationCounter Notifications { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IDatabaseNotificationSubscriber>(Notifications);
    }
}

/// <summary>Counts the catalog messages the host's listener delivers.</summary>
public sealed class CatalogNotificationCounter : IDatabaseNotificationSubscriber
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    void IDatabaseNotificationSubscriber.OnNotification(string topic, string key)
    {
        if (topic == CatalogReadCache.NotificationTopic)
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IDatabaseNotificationSubscriber.OnListeningChanged(bool listening)
    {
    }

    /// <summary>Waits (with a deadline) until a message arrives after the <paramref name="seen"/> already counted.</summary>
    public async Task WaitBeyondAsync(int seen)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Count <= seen && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        Assert.True(Count > seen, "the host never heard the catalog eviction");
    }
}
