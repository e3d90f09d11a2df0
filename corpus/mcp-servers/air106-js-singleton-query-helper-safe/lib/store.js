// The one database handle of the process: `Store.shared()` makes it on first use and hands the
// same object back afterwards. `run` passes the text it is given to the driver unchanged.
const mysql = require("mysql2/promise");

class Store {
    static shared() {
        if (!Store.current) {
            Store.current = new Store();
        }
        return Store.current;
    }

    constructor() {
        this.pool = mysql.createPool({ uri: process.env.INVENTORY_DB });
    }

    async run(text, params) {
        const started = Date.now();
        const [rows] = await this.pool.query(text, params);
        console.error(`query took ${Date.now() - started} ms`);
        return rows;
    }
}

module.exports = { Store };
