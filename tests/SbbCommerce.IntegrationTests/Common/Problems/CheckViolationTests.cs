using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.IntegrationTests.Common.Problems;

/// <summary>A change the database's CHECKs refuse becomes a 422 problem, never a 500.</summary>
public sealed class CheckViolationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_save_that_breaks_the_stock_check_When_handled_Then_422_insufficient_stock()
    {
        await using var scope = fixture.CreateScope();
        var db = ApiFixture.DbContext(scope);
        var product = await db.Set<Product>().FirstAsync(p => p.Id == SeededData.BpcProductId);
        product.QuantityReserved = product.QuantityOnHand + 1;
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();

        var handled = await scope.ServiceProvider.GetServices<IExceptionHandler>().Single().TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("\"code\":\"insufficient_stock\"", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }
}
