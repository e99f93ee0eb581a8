/** The demo profile: demo users, groups and passwords, which exist nowhere else. */
package io.huitong.shared.demo;
