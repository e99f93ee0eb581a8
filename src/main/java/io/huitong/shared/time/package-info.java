/** Time: one clock for domain and engine, and the legal calendar that counts periods (CC 201–203). */
package io.huitong.shared.time;
