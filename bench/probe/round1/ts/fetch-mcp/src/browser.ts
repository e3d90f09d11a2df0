import puppeteer, { type Browser, type Page } from "puppeteer";

export class BrowserSession {
  private browser?: Browser;
  private page?: Page;

  async currentPage(): Promise<Page> {
    if (!this.browser) {
      this.browser = await puppeteer.launch({ headless: true, args: ["--no-sandbox"] });
    }
    if (!this.page || this.page.isClosed()) {
      this.page = await this.browser.newPage();
      await this.page.setViewport({ width: 1280, height: 800 });
    }
    return this.page;
  }

  async open(url: string): Promise<Page> {
    const page = await this.currentPage();
    await page.goto(url, { waitUntil: "networkidle2", timeout: 30_000 });
    return page;
  }

  async close() {
    await this.browser?.close();
    this.browser = undefined;
    this.page = undefined;
  }
}
