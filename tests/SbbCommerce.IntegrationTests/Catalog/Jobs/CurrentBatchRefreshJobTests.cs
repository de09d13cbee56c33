using SbbCommerce.Api.Modules.Catalog.Jobs;

namespace SbbCommerce.IntegrationTests.Catalog.Jobs;

/// <summary>
/// The daily refresh of products.current_batch_number and current_coa_url, called directly with the host's fake
/// clock. A class (and database) of its own: it moves the clock by weeks and counts the products it changes.
/// </summary>
public sealed class CurrentBatchRefreshJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_the_current_batch_expires_When_the_job_runs_Then_the_product_moves_to_the_next_batch_then_to_none()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateActiveProductAsync()).Id();
        await fixture.CreateBatchAsync(product, "LOT-OLD", made: today.AddDays(-100), expires: today.AddDays(30));
        await fixture.CreateBatchAsync(product, "LOT-NEW", made: today.AddDays(-10), expires: today.AddDays(3));
        // Never current: unverified, inactive, or made earlier than LOT-OLD.
        await fixture.CreateBatchAsync(product, "LOT-UNVERIFIED", made: today.AddDays(-1), expires: today.AddDays(300), verified: false);
        await fixture.CreateBatchAsync(product, "LOT-INACTIVE", made: today.AddDays(-1), expires: today.AddDays(300), isActive: false);
        await fixture.CreateBatchAsync(product, "LOT-OLDEST", made: today.AddDays(-200), expires: today.AddDays(60));
        Assert.Equal(("LOT-NEW", "https://coa.example/LOT-NEW.pdf"), await CurrentAsync(product));

        fixture.Factory.Time.Advance(TimeSpan.FromDays(3)); // LOT-NEW expires today: sold until yesterday
        Assert.Equal(("LOT-NEW", "https://coa.example/LOT-NEW.pdf"), await CurrentAsync(product)); // nothing moves it but the job
        Assert.True(await RunJobAsync() >= 1);
        Assert.Equal(("LOT-OLD", "https://coa.example/LOT-OLD.pdf"), await CurrentAsync(product));

        fixture.Factory.Time.Advance(TimeSpan.FromDays(27));
        await RunJobAsync();
        Assert.Equal(("LOT-OLDEST", "https://coa.example/LOT-OLDEST.pdf"), await CurrentAsync(product));

        fixture.Factory.Time.Advance(TimeSpan.FromDays(30));
        await RunJobAsync();
        Assert.Equal((null, null), await CurrentAsync(product));
        var admin = await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{product}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, admin.GetProperty("currentBatchNumber").ValueKind);
    }

    [Fact]
    public async Task Given_products_already_right_When_the_job_runs_Then_it_writes_none_of_them()
    {
        var today = fixture.Today();
        var product = (await fixture.CreateActiveProductAsync()).Id();
        await fixture.CreateBatchAsync(product, "LOT-RIGHT", made: today.AddDays(-5), expires: today.AddDays(365));
        var versionBefore = await RowVersionAsync(product);
        await RunJobAsync(); // settles whatever earlier tests of this class left behind

        var again = await RunJobAsync();

        Assert.Equal(0, again);
        Assert.Equal(versionBefore, await RowVersionAsync(product)); // not even rewritten with the same values
        Assert.Equal(("LOT-RIGHT", "https://coa.example/LOT-RIGHT.pdf"), await CurrentAsync(product));
    }

    [Fact]
    public async Task Given_more_wrong_products_than_a_batch_When_the_job_runs_Then_every_one_is_fixed_in_several_batches()
    {
        await RunJobAsync();
        var products = await WrongProductsAsync(7);

        var changed = await RunJobAsync(batchSize: 2);

        Assert.Equal(7, changed);
        foreach (var product in products)
        {
            Assert.Equal((null, null), await CurrentAsync(product));
        }
    }

    [Fact]
    public async Task Given_two_hosts_When_both_run_the_job_at_once_Then_each_product_is_written_once()
    {
        await RunJobAsync();
        var products = await WrongProductsAsync(30);

        var runs = await Task.WhenAll(Task.Run(() => RunJobAsync(batchSize: 4)), Task.Run(() => RunJobAsync(batchSize: 4)));

        Assert.Equal(30, runs.Sum());
        foreach (var product in products)
        {
            Assert.Equal((null, null), await CurrentAsync(product));
        }
    }

    [Fact]
    public async Task Given_a_hot_product_locked_by_a_checkout_When_the_job_runs_Then_it_waits_for_the_lock_instead_of_skipping_it()
    {
        await RunJobAsync();
        var hot = (await WrongProductsAsync(1))[0];
        await using var checkout = new NpgsqlConnection(fixture.ConnectionString);
        await checkout.OpenAsync();
        await using var holding = await checkout.BeginTransactionAsync();
        await using (var reserve = new NpgsqlCommand("UPDATE products SET quantity_reserved = quantity_reserved + 1 WHERE id = @id", checkout, holding))
        {
            reserve.Parameters.AddWithValue("id", hot);
            await reserve.ExecuteNonQueryAsync();
        }

        var job = Task.Run(() => RunJobAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var finishedWhileLocked = job.IsCompleted;
        await holding.CommitAsync();
        var changed = await job.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(finishedWhileLocked);
        Assert.Equal(1, changed);
        Assert.Equal((null, null), await CurrentAsync(hot));
        Assert.Equal(1, await fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", hot)));
    }

    private async Task<int> RunJobAsync(int batchSize = CurrentBatchRefreshJob.BatchSize)
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CurrentBatchRefreshJob>().RunAsync(batchSize, CancellationToken.None);
    }

    /// <summary>Products without batches whose columns name a batch anyway (the job must clear them).</summary>
    private async Task<List<Guid>> WrongProductsAsync(int count)
    {
        var products = new List<Guid>();
        for (var index = 0; index < count; index++)
        {
            var product = (await fixture.CreateProductAsync()).Id();
            await fixture.ExecuteAsync(
                "UPDATE products SET current_batch_number = 'LOT-STALE', current_coa_url = 'https://coa.example/LOT-STALE.pdf' WHERE id = @id",
                ("id", product));
            products.Add(product);
        }

        return products;
    }

    private async Task<(string? Number, string? CoaUrl)> CurrentAsync(Guid product)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_batch_number, current_coa_url FROM products WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", product);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private Task<string> RowVersionAsync(Guid product) =>
        fixture.ScalarAsync<string>("SELECT xmin::text FROM products WHERE id = @id", ("id", product));
}
